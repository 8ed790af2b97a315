/**
 * Assets of the editor's built-in database (`db://internal`) that a saved scene may reference although
 * they have no .meta in this project. The editor adds the default skybox maps when it saves a scene.
 */
export const INTERNAL_ASSET_UUIDS: ReadonlySet<string> = new Set([
  'd032ac98-05e1-4090-88bb-eb640dcb5fc1', // default skybox, HDR
  '6f01cf7f-81bf-4a7e-bd5d-0afc19696480', // default skybox, LDR
]);
