using TherapyBilling.Rules.Cli;

return CliApp.Run(args, CliConsole.FromSystem());
