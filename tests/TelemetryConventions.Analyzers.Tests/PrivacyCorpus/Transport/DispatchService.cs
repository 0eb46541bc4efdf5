using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TelemetryConventions;

namespace PrivacyCorpus.Transport;

public sealed record Passenger(string PassengerId, string Email, bool Blocked, string LoyaltyTier);

public sealed class PassengerBlockedException(string message) : InvalidOperationException(message);

public interface IPassengerStore
{
    Task<Passenger> LoadAsync(string passengerId, CancellationToken cancellationToken);
}

/// <summary>Assigns vehicles to bookings; one per zone.</summary>
public sealed class DispatchService(IPassengerStore passengers, Pseudonymizer pseudonymizer, ILogger<DispatchService> logger)
{
    private static readonly ActivitySource Source = new("Fleet.Dispatch");
    private static readonly Meter Meter = new("Fleet.Dispatch");
    private static readonly Counter<long> Assignments = Meter.CreateCounter<long>("fleet.dispatch.assignments");

    private readonly Queue<string> _waitingPassengers = new();
    private Passenger? _current;

    public async Task<string> LoadCurrentAsync(string passengerId, CancellationToken cancellationToken)
    {
        _current = await passengers.LoadAsync(passengerId, cancellationToken);
        _waitingPassengers.Enqueue(passengerId);
        return _current.Email;
    }

    public async Task DispatchAsync(string passengerId, string zone, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("dispatch.assign");
        var contact = await LoadCurrentAsync(passengerId, cancellationToken);
        activity?.SetTag("fleet.passenger.contact", contact); // leak TC1001 cross-member
        activity?.SetTag("fleet.passenger.tier", _current?.LoyaltyTier); // clean precision-names
        activity?.SetTag("fleet.queue.depth", _waitingPassengers.Count); // clean precision-about

        var (nextId, position) = PeekNext();
        activity?.SetTag("fleet.queue.next", nextId); // leak TC1001 cross-member
        activity?.SetTag("fleet.queue.next_position", position); // clean precision-about

        var who = _current is { Blocked: true } ? _current.PassengerId : "ok";
        activity?.SetTag("fleet.dispatch.blocked_passenger", who); // leak TC1001 cross-member
        activity?.SetTag("fleet.dispatch.blocked", _current is { Blocked: true }); // clean precision-about

        Assignments.Add(1, BuildTags(zone)); // clean cross-member
        Assignments.Add(1, BuildTagsFor(zone, _current!)); // leak TC1003 cross-member

        try
        {
            EnsureAllowed(_current!);
        }
        catch (PassengerBlockedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError(ex, "Dispatch refused in {Zone}", zone); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }

        Touch(ref passengerId);
        activity?.SetTag("fleet.passenger.normalised", passengerId); // leak TC1001 cross-member
        activity?.SetTag("fleet.passenger.id", pseudonymizer.Pseudonymize("fleet.passenger.id", passengerId)); // clean precision-pseudonym
    }

    private (string PassengerId, int Position) PeekNext() => (_waitingPassengers.Peek(), _waitingPassengers.Count);

    private static TagList BuildTags(string zone) => new() { { "fleet.zone", zone }, { "fleet.dispatch.kind", "auto" } };

    private static TagList BuildTagsFor(string zone, Passenger passenger) => new() { { "fleet.zone", zone }, { "fleet.passenger", passenger.PassengerId } };

    private static void EnsureAllowed(Passenger passenger)
    {
        if (passenger.Blocked)
        {
            throw new PassengerBlockedException(string.Concat("Passenger ", passenger.PassengerId, " is blocked"));
        }
    }

    private static void Touch(ref string passengerId) => passengerId = passengerId.Trim().ToUpperInvariant();
}
