// Reader experience: copy-link controls and target highlighting.
