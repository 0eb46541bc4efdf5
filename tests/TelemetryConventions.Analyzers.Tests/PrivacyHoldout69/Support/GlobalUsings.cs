// The services' projects turn on implicit usings and add the telemetry namespaces once.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using TelemetryConventions;
global using PrivacyHoldout69.Support;
global using PrivacyHoldout69.Telemetry;
global using System.Net.Http;
global using PrivacyCorpus.Shared;
