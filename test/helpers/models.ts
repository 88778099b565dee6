// The service models of both generations, loaded once for the tests that need one, and the
// operation the CLI serves in each.
import type { Generation } from '../../src/model/generation.js';
import { serviceModelFor, type Operation, type ServiceModel } from '../../src/model/service-model.js';

export const MODELS: Readonly<Record<Generation, ServiceModel>> = {
  '2.9.19': await serviceModelFor('2.9.19'),
  '2.36.7': await serviceModelFor('2.36.7'),
};

/** StartSpeakerEnrollmentJob in the model of `generation` (2.9.19's by default). */
export function startJob(generation: Generation = '2.9.19'): Operation {
  return MODELS[generation].operation('StartSpeakerEnrollmentJob');
}
