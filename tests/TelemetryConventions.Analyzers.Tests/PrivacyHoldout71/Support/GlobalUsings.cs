// The services' projects turn on implicit usings and add the telemetry and integration namespaces once.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Text;
global using System.Text.Json;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using TelemetryConventions;
global using CloudNative.CloudEvents;
global using PrivacyHoldout71.Support;
global using PrivacyHoldout71.Telemetry;
