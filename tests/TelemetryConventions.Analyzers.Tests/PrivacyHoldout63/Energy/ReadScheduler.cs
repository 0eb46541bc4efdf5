using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Telemetry;
using Polly.Timeout;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Energy;

public static class ReadContextKeys
{
    public static readonly ResiliencePropertyKey<MeterCommand> Command = new("meterlink.command");
}

/// <summary>Adds the command's queue and supply point to Polly's resilience event counter.</summary>
public sealed class MeterCommandMeteringEnricher : MeteringEnricher
{
    public override void Enrich<TResult, TArgs>(in EnrichmentContext<TResult, TArgs> context)
    {
        if (context.TelemetryEvent.Context.Properties.TryGetValue(ReadContextKeys.Command, out var command))
        {
            context.Tags.Add(new KeyValuePair<string, object?>("meterlink.queue", command.ServiceRequest)); // clean precision-about
            context.Tags.Add(new KeyValuePair<string, object?>("meterlink.mpan", command.Mpan)); // leak TC1003 cross-member
            context.Tags.Add(new KeyValuePair<string, object?>("meterlink.mpan_prefix", command.Mpan[..2])); // clean precision-about
        }
    }
}

/// <summary>Requests the half-hourly reads of smart meters on a timer, through a v8 pipeline with Polly's telemetry on.</summary>
public sealed class ReadScheduler : IHostedService, IDisposable
{
    private readonly IDccGateway _gateway;
    private readonly Func<IReadOnlyList<MeterCommand>> _due;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<ReadScheduler> _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly ConcurrentDictionary<string, MeterCommand> _inFlight = new(StringComparer.Ordinal);
    private readonly string _opsMailbox;
    private Timer? _timer;

    /// <param name="opsMailbox">The grid operations team's shared mailbox.</param>
    public ReadScheduler(IDccGateway gateway, Func<IReadOnlyList<MeterCommand>> due, Pseudonymizer pseudonymizer, ILoggerFactory loggerFactory, string opsMailbox)
    {
        _gateway = gateway;
        _due = due;
        _pseudonymizer = pseudonymizer;
        _opsMailbox = opsMailbox;
        _logger = loggerFactory.CreateLogger<ReadScheduler>();

        var telemetry = new TelemetryOptions { LoggerFactory = loggerFactory };
        telemetry.MeteringEnrichers.Add(new MeterCommandMeteringEnricher());

        _pipeline = new ResiliencePipelineBuilder { Name = "dcc-reads" }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 3,
                Delay = TimeSpan.FromSeconds(10),
                ShouldHandle = new PredicateBuilder().Handle<DccDeviceBusyException>(),
                OnRetry = args =>
                {
                    var command = args.Context.Properties.GetValue(ReadContextKeys.Command, null!);
                    _logger.LogInformation("Read {ServiceRequest} retry {Attempt} after {Delay}", command.ServiceRequest, args.AttemptNumber, args.RetryDelay); // clean precision-about
                    _logger.LogInformation("Read retry for account {AccountRef}", _pseudonymizer.ComputeMeterlinkAccountId(command.AccountNumber)); // clean precision-pseudonym
                    return default;
                },
            })
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = TimeSpan.FromSeconds(45),
                OnTimeout = args =>
                {
                    var command = args.Context.Properties.GetValue(ReadContextKeys.Command, null!);
                    _logger.LogWarning("Read of meter {MeterSerial} timed out after {Timeout}", command.MeterSerial, args.Timeout); // leak TC1001 cross-member
                    return default;
                },
            })
            .ConfigureTelemetry(telemetry)
            .Build();
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _logger.LogInformation("Read scheduler starting; failures reported to {OpsMailbox}", _opsMailbox); // clean precision-names
        _timer = new Timer(_ => _ = RunDueReadsAsync(), null, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(30));
        return Task.CompletedTask;
    }

    private async Task RunDueReadsAsync()
    {
        var due = _due();
        _logger.LogInformation("{DueReads} reads due", due.Count);
        foreach (var command in due)
        {
            var dedupeKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{command.MeterSerial}:{DateTime.UtcNow:yyyyMMddHH}")));
            if (!_inFlight.TryAdd(dedupeKey, command))
            {
                _logger.LogDebug("Read already in flight under {DedupeKey}", dedupeKey); // leak TC1002 hashes
                continue;
            }

            var context = ResilienceContextPool.Shared.Get($"read:{command.ServiceRequest}", CancellationToken.None); // clean strings
            context.Properties.Set(ReadContextKeys.Command, command); // clean direct
            try
            {
                await _pipeline.ExecuteAsync(async ctx => await _gateway.SendAsync(command, ctx.CancellationToken), context);
            }
            catch (TimeoutRejectedException ex)
            {
                _logger.LogWarning(ex, "Read {ServiceRequest} abandoned", command.ServiceRequest); // clean exceptions
            }
            catch (DccDeviceBusyException ex)
            {
                _logger.LogWarning(ex, "Read {ServiceRequest} abandoned after retries", command.ServiceRequest); // leak TC1001 exceptions
            }
            finally
            {
                _inFlight.TryRemove(dedupeKey, out _);
                ResilienceContextPool.Shared.Return(context);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Change(Timeout.Infinite, 0);
        _logger.LogInformation("Read scheduler stopping with {InFlight} reads in flight", _inFlight.Count);
        if (!_inFlight.IsEmpty)
        {
            _logger.LogWarning("Reads interrupted for accounts {Accounts}", _inFlight.Values.Select(c => c.AccountNumber).ToArray()); // leak TC1001 logging-objects
            _logger.LogWarning("Reads interrupted for queues {Queues}", _inFlight.Values.Select(c => c.ServiceRequest).Distinct().ToArray()); // clean logging-objects
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();
}
