using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using PrivacyHoldout27.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout27.Transport;

public sealed record RouteService(string OperatorId, string RouteId, int VehiclesInService);

public sealed record StoredValue(string OperatorId, string CardNumber, decimal Balance);

/// <summary>Refunds waiting, by operator and reason code ("short-journey", "double-tap", "cap-adjust").</summary>
public sealed record PendingRefund(string OperatorId, string Reason, int Count);

public interface IOperationsView
{
    IReadOnlyList<RouteService> Routes();

    IReadOnlyList<StoredValue> NegativeBalances();

    IReadOnlyList<PendingRefund> PendingRefunds();
}

/// <summary>Observable instruments of the fare platform and the operations view.</summary>
public sealed class ServiceGauges
{
    public ServiceGauges(Meter meter, IOperationsView view, Pseudonymizer pseudonymizer)
    {
        meter.CreateObservableGauge("transit.vehicles.in_service", () => view.Routes().Select(r => new Measurement<int>(r.VehiclesInService, new KeyValuePair<string, object?>("transit.operator", r.OperatorId), new("transit.route", r.RouteId)))); // clean direct
        meter.CreateObservableGauge("transit.card.negative_balance", () => view.NegativeBalances().Select(b => new Measurement<double>((double)b.Balance, new TagList { { "transit.operator", b.OperatorId }, { "rider.card.ref", pseudonymizer.ComputeTenancySubjectId(b.CardNumber) } }))); // leak TC1003 precision-pseudonym
        meter.CreateTenancyBacklogObservableGauge(() => view.PendingRefunds().Select(p => TenancyBacklogObservableGauge.Measure(p.Count, p.OperatorId, tenancyQueue: $"refunds-{p.Reason}"))); // clean generated-api
        meter.CreateObservableGauge("transit.card.balance.low", () => view.NegativeBalances().Select(b => new Measurement<double>((double)b.Balance, new KeyValuePair<string, object?>("transit.card", b.CardNumber)))); // leak TC1003 direct
    }
}
