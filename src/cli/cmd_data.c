/* cmd_data.c — placeholder for backup, restore and calendar. */
#include "cli/cli.h"

const cli_cmd data_cmds[] = {
	{NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL},
};
