// The services' projects turn on implicit usings and add the logging and telemetry namespaces once.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Compliance.Classification;
global using Microsoft.Extensions.Compliance.Redaction;
global using Microsoft.Extensions.Diagnostics.Enrichment;
global using Microsoft.Extensions.Logging;
global using TelemetryConventions;
global using PrivacyHoldout65.Support;
global using PrivacyHoldout65.Telemetry;
