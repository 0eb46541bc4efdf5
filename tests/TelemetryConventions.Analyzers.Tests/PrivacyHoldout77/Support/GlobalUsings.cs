// The API projects turn on implicit usings and add the contract, client and telemetry namespaces once.
// The validation library and DataAnnotations both name a ValidationResult, so each file imports the one it uses.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Net;
global using System.Net.Http;
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.Json;
global using System.Text.Json.Serialization;
global using System.Threading;
global using System.Threading.Tasks;
global using Apikit;
global using Mapkit;
global using Microsoft.Extensions.Logging;
global using Patchkit;
global using PrivacyCorpus.Shared;
global using PrivacyHoldout77.Telemetry;
global using Problemkit;
global using Refitkit;
global using TelemetryConventions;
