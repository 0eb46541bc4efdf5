// The collector projects turn on implicit usings and add the ingestion and telemetry namespaces once.
global using System;
global using System.Collections.Concurrent;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Net;
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.Json;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.Logging;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout79.Support;
global using PrivacyHoldout79.Telemetry;
global using TelemetryConventions;
