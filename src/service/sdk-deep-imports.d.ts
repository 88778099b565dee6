// Deep imports of the SDK's dist-es files (src/service/voice-id-sdk.ts): the package has no
// types for those paths, so they are typed there, against the package's own types.
declare module '@aws-sdk/client-voice-id/dist-es/*';
