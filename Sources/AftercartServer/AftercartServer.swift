// Placeholder so the target builds; replaced as the Server room lands.
