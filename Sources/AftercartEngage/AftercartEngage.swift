// Placeholder so the target builds; replaced as the Engage room lands.
