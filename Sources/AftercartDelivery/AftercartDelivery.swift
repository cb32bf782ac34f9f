// Placeholder so the target builds; replaced as the Delivery room lands.
