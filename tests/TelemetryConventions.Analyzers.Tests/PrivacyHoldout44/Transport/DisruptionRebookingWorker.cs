using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Transport;

/// <summary>Published by operations control on <c>ops.flight-disruptions</c>, keyed by the flight designator.</summary>
public sealed record FlightDisruption(
    string Carrier,
    string FlightNumber,
    DateOnly DepartureDate,
    string ReasonCode,
    IReadOnlyList<string> AffectedRecordLocators);

/// <summary>Moves the passengers of a cancelled or heavily delayed flight to the next services with seats.</summary>
public sealed partial class DisruptionRebookingWorker : BackgroundService
{
    private static readonly ActivitySource Source = new("Airline.Disruption");

    private readonly IConsumer<string, FlightDisruption> _consumer;
    private readonly IGdsClient _gds;
    private readonly ISmsSender _sms;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<DisruptionRebookingWorker> _logger;
    private readonly Meter _meter;
    private readonly Counter<long> _strandedTopTier;
    private readonly Counter<long> _disruptedTravellers;

    public DisruptionRebookingWorker(
        IConsumer<string, FlightDisruption> consumer,
        IGdsClient gds,
        ISmsSender sms,
        Pseudonymizer pseudonymizer,
        IMeterFactory meterFactory,
        ILogger<DisruptionRebookingWorker> logger)
    {
        _consumer = consumer;
        _gds = gds;
        _sms = sms;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _meter = meterFactory.Create("Airline.Disruption");
        _strandedTopTier = _meter.CreateCounter<long>("disruption.stranded_top_tier", "{passenger}");
        _disruptedTravellers = _meter.CreateCounter<long>("disruption.travellers", "{passenger}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = _consumer.Consume(stoppingToken);
            if (result is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("disruption.rebook", ActivityKind.Consumer);
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean precision-names
            activity?.SetTag("disruption.reason", result.Message.Value.ReasonCode);
            Baggage.SetBaggage("disruption.flight", result.Message.Value.Carrier + result.Message.Value.FlightNumber); // clean precision-names

            foreach (var recordLocator in result.Message.Value.AffectedRecordLocators)
            {
                await RebookAsync(recordLocator, result.Message.Value, stoppingToken);
            }

            _consumer.Commit(result);
        }
    }

    private async Task RebookAsync(string recordLocator, FlightDisruption disruption, CancellationToken cancellationToken)
    {
        var pnr = await _gds.RetrievePnrAsync(recordLocator, cancellationToken);
        if (pnr is null)
        {
            LogPnrGone(recordLocator); // clean precision-names
            return;
        }

        var disrupted = pnr.Segments.First(s => s.FlightNumber == disruption.FlightNumber && s.DepartureDate == disruption.DepartureDate);
        var alternatives = await _gds.FindAlternativesAsync(disrupted, pnr.Passengers.Count, cancellationToken);
        var lead = pnr.Passengers[0];

        foreach (var passenger in pnr.Passengers)
        {
            _disruptedTravellers.Add(1, new KeyValuePair<string, object?>("traveller", _pseudonymizer.ComputeTravelTravellerId(passenger.FrequentFlyerNumber ?? $"{recordLocator}/{passenger.Index}"))); // leak TC1003 precision-pseudonym
        }

        if (alternatives.Count == 0)
        {
            if (lead.FrequentFlyerNumber is { } frequentFlyer && disrupted.BookingClass is "F" or "J")
            {
                _strandedTopTier.Add(1, new KeyValuePair<string, object?>("frequent_flyer", frequentFlyer)); // leak TC1003 direct
            }

            _meter.CreateTravelRebookingsCounter().Add(1, travelCabin: disrupted.BookingClass, travelOutcome: "no-alternative");
            _logger.LogWarning("No alternative for {RecordLocator} ({Passengers} passengers) off {Flight}", recordLocator, pnr.Passengers.Count, disrupted.Designator); // clean precision-about
            return;
        }

        var next = alternatives[0];
        var newLocator = await _gds.RebookAsync(recordLocator, disrupted, next, cancellationToken);
        _meter.CreateTravelRebookingsCounter().Add(1, travelCabin: next.BookingClass, travelOutcome: $"moved-to-{next.Designator}"); // clean generated-api
        _logger.LogTravelRebookedEvent(newLocator, travelTravellerId: _pseudonymizer.PseudonymizeTravelTravellerId(lead.FrequentFlyerNumber ?? newLocator), travelNote: $"{disrupted.Designator} -> {next.Designator}"); // clean precision-pseudonym
        _logger.LogTravelRebookedEvent(newLocator, travelNote: $"lead {lead.Surname}/{lead.GivenName} moved to {next.Designator}"); // leak TC1001 generated-api

        foreach (var passenger in pnr.Passengers.Where(p => p.ContactPhone is not null))
        {
            try
            {
                await _sms.SendAsync(passenger.ContactPhone!, $"Dear {passenger.GivenName}, your flight {disrupted.Designator} is cancelled. You are now on {next.Designator}.", cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                _logger.LogWarning(ex, "SMS gateway unreachable while notifying {RecordLocator}", newLocator); // clean exceptions
                _logger.LogWarning("Passenger {Phone} not told about the rebooking", passenger.ContactPhone); // leak TC1001 direct
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PNR {RecordLocator} no longer exists; nothing to rebook")]
    private partial void LogPnrGone(string recordLocator);
}
