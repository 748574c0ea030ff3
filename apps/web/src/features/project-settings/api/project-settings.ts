import type { Project, Status, StatusCategory } from '@rytask/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { projectsKey } from '../../projects/api/projects';

export type ProjectPatch = { name?: string; description?: string; archived?: boolean };

/**
 * Project and status changes. Every one of them changes what the board and the lists show
 * (columns, status names, where items sit), so each success refreshes projects and items.
 */
export function useProjectSettings(project: Project) {
  const client = useQueryClient();
  const refresh = async () => {
    void client.invalidateQueries({ queryKey: ['items'] });
    await client.invalidateQueries({ queryKey: projectsKey });
  };
  const replaceProject = (next: Project) =>
    client.setQueryData<Project[]>(projectsKey, (all) => all?.map((one) => (one.id === next.id ? next : one)));

  return {
    update: useMutation({
      mutationFn: (patch: ProjectPatch) => apiRequest<Project>('PATCH', `/projects/${project.id}`, patch),
      onSuccess: async (next) => {
        replaceProject(next);
        await refresh();
      },
    }),
    addStatus: useMutation({
      mutationFn: (input: { name: string; category: StatusCategory }) =>
        apiRequest<Status>('POST', `/projects/${project.id}/statuses`, input),
      onSuccess: refresh,
    }),
    updateStatus: useMutation({
      mutationFn: ({ id, ...patch }: { id: string; name?: string; category?: StatusCategory }) =>
        apiRequest<Status>('PATCH', `/statuses/${id}`, patch),
      onSuccess: refresh,
    }),
    reorder: useMutation({
      mutationKey: ['reorder-statuses', project.id],
      // Quick presses of "Move up" run one after another, in order.
      scope: { id: `reorder-statuses-${project.id}` },
      mutationFn: (statusIds: string[]) => apiRequest<Project>('PUT', `/projects/${project.id}/statuses/order`, { statusIds }),
      // Show the new order at once. A refetch still in flight would bring back an older order.
      onMutate: async (statusIds) => {
        await client.cancelQueries({ queryKey: projectsKey });
        const byId = new Map(project.statuses.map((status) => [status.id, status]));
        const statuses = statusIds.flatMap((id, position) => {
          const status = byId.get(id);
          return status ? [{ ...status, position }] : [];
        });
        replaceProject({ ...project, statuses });
      },
      // Refresh once the last of a burst of moves is done (a failed one puts the saved order back).
      onSettled: async () => {
        if (client.isMutating({ mutationKey: ['reorder-statuses', project.id] }) === 1) await refresh();
      },
    }),
    deleteStatus: useMutation({
      mutationFn: ({ id, moveTo }: { id: string; moveTo: string }) => apiRequest<void>('DELETE', `/statuses/${id}`, { moveTo }),
      onSuccess: refresh,
    }),
  };
}
