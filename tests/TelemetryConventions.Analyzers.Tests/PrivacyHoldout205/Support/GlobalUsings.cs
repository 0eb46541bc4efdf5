// The services share these namespaces: the runtime, the stand-ins, the licensing records and the generated telemetry.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Security.Cryptography;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout205.Support;
global using PrivacyHoldout205.Telemetry;
global using TelemetryConventions;
global using OpenTelemetry;
