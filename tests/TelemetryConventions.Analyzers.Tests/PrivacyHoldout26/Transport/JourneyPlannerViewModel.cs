using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using CommunityToolkit.Mvvm.ComponentModel;
using CommunityToolkit.Mvvm.Input;
using Microsoft.Extensions.Logging;
using Microsoft.Maui.Controls;
using PrivacyHoldout26.Telemetry;
using Sentry;

namespace PrivacyHoldout26.Transport;

public sealed record StopSuggestion(string StopId, string Name, string Locality);

public interface IPlannerApi
{
    Task<IReadOnlyList<StopSuggestion>> SuggestStopsAsync(string text);
}

/// <summary>
/// The journey planner of the rider app (MAUI): two text boxes where the rider types where from and
/// where to (a stop, a street, a home address), with suggestions while typing.
/// </summary>
public sealed class JourneyPlannerViewModel : ObservableObject
{
    private static readonly ActivitySource Source = new("Metro.RiderApp");

    private readonly IPlannerApi _api;
    private readonly ILogger<JourneyPlannerViewModel> _logger;
    private readonly Meter _meter;
    private string _from = string.Empty;
    private string _to = string.Empty;

    public JourneyPlannerViewModel(IPlannerApi api, ILogger<JourneyPlannerViewModel> logger, Meter meter)
    {
        _api = api;
        _logger = logger;
        _meter = meter;
        PlanCommand = new AsyncRelayCommand(PlanAsync, () => SelectedFrom is not null && SelectedTo is not null);
    }

    public string From
    {
        get => _from;
        set => SetProperty(ref _from, value);
    }

    public string To
    {
        get => _to;
        set => SetProperty(ref _to, value);
    }

    public StopSuggestion? SelectedFrom { get; set; }

    public StopSuggestion? SelectedTo { get; set; }

    public IAsyncRelayCommand PlanCommand { get; }

    public void OnFromTextChanged(object? sender, TextChangedEventArgs e)
    {
        _logger.LogTrace("From box went from {Old} to {New} characters", e.OldTextValue?.Length ?? 0, e.NewTextValue?.Length ?? 0); // clean precision-about
        if (e.NewTextValue is { Length: >= 3 } text)
        {
            _ = SuggestAsync(text);
        }
    }

    private async Task SuggestAsync(string text)
    {
        using var activity = Source.StartActivity("planner.suggest");
        activity?.SetTag("planner.query", text); // leak TC1001 precision-names
        activity?.SetTag("planner.query.length", text.Length); // clean precision-about
        var stops = await _api.SuggestStopsAsync(text);
        activity?.SetTag("planner.suggestions", string.Join(",", stops.Select(s => s.StopId))); // clean precision-names
    }

    private async Task PlanAsync()
    {
        var route = $"results?from={Uri.EscapeDataString(From)}&to={Uri.EscapeDataString(To)}&fromStop={SelectedFrom!.StopId}&toStop={SelectedTo!.StopId}";
        SentrySdk.AddBreadcrumb(route, "navigation"); // leak TC1001 strings
        _meter.CreateAppCommandsCounter().Add(1, "planner", $"{SelectedFrom.StopId}->{SelectedTo.StopId}"); // clean generated-api
        await Shell.Current.GoToAsync(route);
    }
}
