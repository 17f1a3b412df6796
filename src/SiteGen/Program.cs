using System.CommandLine;
using SiteGen.Cli;

return await CommandLine.RunAsync(args);
