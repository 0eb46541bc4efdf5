// The services turn on implicit usings and add the baby products platform and telemetry namespaces once.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Globalization;
global using System.Linq;
global using System.Security.Cryptography;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using OpenTelemetry;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout212.Support;
global using PrivacyHoldout212.Telemetry;
global using TelemetryConventions;
