// The services' projects turn on implicit usings and add the tracing namespaces once.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Net.Http;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using OpenTelemetry;
global using OpenTelemetry.Context.Propagation;
global using OpenTelemetry.Trace;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout67.Support;
global using PrivacyHoldout67.Telemetry;
global using TelemetryConventions;
