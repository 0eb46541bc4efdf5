using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout5.Support;
using TelemetryConventions;

namespace PrivacyHoldout5.Transport;

public sealed record TapEvent(string CardNumber, string? AccountId, string StopCode, string RouteId, string VehicleId, DateTimeOffset TappedAt);

public sealed record Passenger(string AccountId, string Email, string? ConcessionType);

public sealed class FareCappingException(string cardNumber, decimal cap)
    : Exception($"Card {cardNumber} exceeded the daily cap {cap}")
{
    public decimal Cap { get; } = cap;
}

/// <summary>Reads validator taps from a channel and prices journeys.</summary>
public sealed class FareCollectionService(
    ChannelReader<TapEvent> taps,
    Pseudonymizer pseudonymizer,
    byte[] shardKey,
    ILogger<FareCollectionService> logger) : IHostedService
{
    private static readonly ActivitySource Source = new("Transit.Fares");
    private static readonly Meter Meter = new("Transit.Fares");
    private static readonly Counter<long> Taps = Meter.CreateCounter<long>("transit.taps");

    private Task? _loop;
    private readonly CancellationTokenSource _stopping = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), cancellationToken);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var tap in taps.ReadAllAsync(cancellationToken))
        {
            using var activity = Source.StartActivity("transit.tap.price");
            var tags = new (string Key, object? Value)[]
            {
                ("transit.route.id", tap.RouteId),
                ("transit.stop.code", tap.StopCode),
                ("transit.vehicle.id", tap.VehicleId),
                ("transit.card.number", tap.CardNumber),
            };
            foreach (var (key, value) in tags)
            {
                activity?.SetTag(key, value); // leak TC1001 cross-member
            }

            var rider = tap.AccountId ?? tap.CardNumber;
            activity?.SetTag("transit.rider", Describe(rider)); // leak TC1001 strings
            activity?.SetTag("transit.rider.registered", tap.AccountId is not null); // clean precision-about
            activity?.SetTag("transit.rider.ref", pseudonymizer.Compute("passenger", rider)); // clean precision-pseudonym
            Taps.Add(1, new KeyValuePair<string, object?>("transit.route.id", tap.RouteId)); // clean precision-names
            Taps.Add(1, new KeyValuePair<string, object?>("transit.rider.shard", Shard(rider))); // clean hashes

            try
            {
                Price(tap);
            }
            catch (FareCappingException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                activity?.SetTag("transit.cap.amount", ex.Cap); // clean exceptions
                logger.LogInformation("Fare capped on route {RouteId}: {ErrorType}", tap.RouteId, ex.GetType().Name); // clean exceptions
            }
        }

        static string Describe(string rider) => $"rider:{rider}";
    }

    private int Shard(string rider)
    {
        var mac = HMACSHA256.HashData(shardKey, Encoding.UTF8.GetBytes(rider));
        return mac[0] % 16;
    }

    private static void Price(TapEvent tap)
    {
        if (tap.TappedAt.Hour == 23)
        {
            throw new FareCappingException(tap.CardNumber, 8.10m);
        }
    }
}

/// <summary>Passenger account notices: the concession check and the welcome mail.</summary>
public sealed class PassengerNotices(ILogger<PassengerNotices> logger)
{
    private static readonly Func<Passenger, string> MailTarget = static p => p.Email;
    private static readonly Func<Passenger, string> Concession = static p => p.ConcessionType ?? "adult";

    public void Welcome(Passenger passenger, string? preferredName)
    {
        var greetingName = preferredName ?? passenger.Email.Split('@')[0];
        logger.LogInformation("Welcome mail queued for {Name}", greetingName); // leak TC1001 direct
        logger.LogInformation("Welcome mail queued to {Target}", MailTarget(passenger)); // leak TC1001 cross-member
        logger.LogInformation("Concession {Concession} applied", Concession(passenger)); // clean precision-names
        Activity.Current?.SetTag("transit.passenger.hash", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(passenger.AccountId)))); // leak TC1002 hashes
        Activity.Current?.SetTag("transit.passenger.email_length", passenger.Email.Length); // clean precision-about

        void Audit(string field, string value) => Activity.Current?.AddEvent(new ActivityEvent("transit.passenger.audit", tags: new ActivityTagsCollection { [field] = value }));
        Audit("transit.passenger.account", passenger.AccountId); // leak TC1001 cross-member
        Audit("transit.passenger.concession", Concession(passenger)); // clean precision-names
    }
}
