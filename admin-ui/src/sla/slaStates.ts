export const slaStates = ['on_track', 'at_risk', 'breached', 'paused'] as const;
