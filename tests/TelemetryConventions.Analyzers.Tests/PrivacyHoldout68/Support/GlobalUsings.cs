// The services' projects turn on implicit usings and add the telemetry namespaces once.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.IO;
global using System.Net;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using TelemetryConventions;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout68.Telemetry;
