// Campaign kits: the kits themselves (records), what applying one means (plan), and applying
// and undoing (apply).
export { applyKit, listApplications, previewKit, undoApplication } from './apply';
export { createKit, deleteKit, getKit, listKits, updateKit } from './records';
