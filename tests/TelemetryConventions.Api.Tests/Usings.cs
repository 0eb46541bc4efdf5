global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using Clinic.Telemetry;
global using TelemetryConventions;
global using Xunit;
