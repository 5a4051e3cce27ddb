"""The whole product without a screen: forms, storage, exports. Never imports Qt."""
