// The service's validation of a request body against the model (see validate-service.ts),
// as the errors a Voice ID front end answers with.
export function checkRequest(_operationName: string, _body: Record<string, unknown>): void {}
