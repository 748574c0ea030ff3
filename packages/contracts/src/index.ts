// The API's request and response shapes, shared by the api (validation, OpenAPI) and the web
// app (types). This package imports nothing of ours: it is the only thing web knows of the api.
export * from './auth';
export * from './constants';
export * from './errors';
export * from './work';
export * from './mentions';
export * from './tokens';
export * from './members';
export * from './invites';
export * from './profile';
export * from './organization';
export * from './time';
export { responseJsonSchema } from './json-schema';
