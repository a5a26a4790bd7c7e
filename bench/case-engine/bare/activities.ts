export const bareActivities = {
  async touch(id: string): Promise<string> {
    return id;
  },
};
