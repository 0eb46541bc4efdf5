using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Transport;

internal sealed class JourneyCompletedHandler : INotificationHandler<JourneyCompleted>
{
    private readonly ILogger<JourneyCompletedHandler> _logger;
    private readonly Histogram<double> _fares;

    public JourneyCompletedHandler(Meter meter, ILogger<JourneyCompletedHandler> logger)
    {
        _logger = logger;
        _fares = meter.CreateHistogram<double>("transit.journey.fare", "GBP");
    }

    public Task Handle(JourneyCompleted notification, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Journey completed {DomainEvent}", notification); // clean logging-objects
        _fares.Record((double)notification.Fare, new TagList { { "from", notification.From.Value }, { "to", notification.To.Value } }); // clean direct
        return Task.CompletedTask;
    }
}

internal sealed class FareCapReachedHandler : INotificationHandler<FareCapReached>
{
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<FareCapReachedHandler> _logger;
    private readonly Counter<long> _caps;

    public FareCapReachedHandler(Pseudonymizer pseudonymizer, Meter meter, ILogger<FareCapReachedHandler> logger)
    {
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _caps = meter.CreateCounter<long>("transit.fare_caps.reached");
    }

    public Task Handle(FareCapReached notification, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Fare cap reached {DomainEvent}", notification); // leak TC1001 logging-objects
        Activity.Current?.SetTag("travel_card.last4", notification.Card.Last4); // clean precision-about
        _caps.Add(1, new TagList { { "weekday", notification.Day.DayOfWeek.ToString() }, { "passenger", _pseudonymizer.ComputeCommandSubjectId(notification.Passenger.Value.ToString()) } }); // leak TC1003 precision-pseudonym
        Baggage.SetBaggage("passenger.id", notification.Passenger.Value.ToString()); // leak TC1001 direct
        return Task.CompletedTask;
    }
}
