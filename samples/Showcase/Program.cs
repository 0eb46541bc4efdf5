using System;
using TelemetryConventions.Samples.Telemetry;

// The scenario showcase is not built yet; this entry point proves that the generator runs in a
// consumer build and prints the attribute names it generated from conventions/.
Console.WriteLine("TelemetryConventions showcase: the 18 industry scenarios are not implemented yet.");
Console.WriteLine($"Generated from conventions/: {nameof(PatientAttributes)}.{nameof(PatientAttributes.Id)} = \"{PatientAttributes.Id}\"");
return 0;
