// The tenancy services turn on implicit usings and add the platform's namespaces and telemetry once.
global using System;
global using System.Collections.Concurrent;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Globalization;
global using System.IO;
global using System.Linq;
global using System.Security.Cryptography;
global using System.Text;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout87.Support;
global using PrivacyHoldout87.Telemetry;
global using TelemetryConventions;
