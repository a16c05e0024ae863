using Tutor.Cli;

return await TutorCli.RunAsync(args, CliIo.Console());
