// Container and service files (issue 19): Dockerfiles, docker-compose files, systemd units.
import type { Rule } from '../../engine/rule';
import dockerfileRootUser from '../dockerfile-root-user';
import imageDefaultKeystore from '../image-default-keystore';
import composeRootUser from '../compose-root-user';
import systemdRootUser from '../systemd-root-user';

export const containerRules: Rule[] = [dockerfileRootUser, imageDefaultKeystore, composeRootUser, systemdRootUser] as Rule[];
