using System;
using System.Text;
using TelemetryConventions.Samples.Hosting;

// The showcase of the industry scenarios; see docs/samples.md and --help.
Console.OutputEncoding = Encoding.UTF8;
return ShowcaseApp.Run(args, Console.Out, Console.Error);
