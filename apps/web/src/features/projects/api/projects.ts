import type { Project } from '@rytask/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const projectsKey = ['projects'] as const;

/** Every project (archived too); also started early by the page preloader (app/preload.ts). */
export const projectsQuery = {
  queryKey: projectsKey,
  queryFn: () => apiRequest<{ projects: Project[] }>('GET', '/projects?archived=true').then((answer) => answer.projects),
};

export function useProjects() {
  return useQuery(projectsQuery);
}

/** A project by its key (the web app's URLs use keys, the API uses ids). */
export function useProjectByKey(key: string) {
  const query = useProjects();
  const project = query.data?.find((candidate) => candidate.key === key.toUpperCase());
  return { ...query, project };
}

export type CreateProjectInput = { key: string; name: string; description?: string };

export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateProjectInput) => apiRequest<Project>('POST', '/projects', input),
    onSuccess: (project) => {
      client.setQueryData<Project[]>(projectsKey, (all) => (all ? [...all, project] : [project]));
      void client.invalidateQueries({ queryKey: projectsKey });
    },
  });
}
