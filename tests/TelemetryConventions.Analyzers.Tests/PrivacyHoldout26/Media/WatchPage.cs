using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Logging;
using PrivacyHoldout26.Telemetry;
using Sentry;

namespace PrivacyHoldout26.Media;

public sealed record Entitlement(bool Allowed, string Territory, string Plan);

public interface IEntitlementsClient
{
    Task<Entitlement> CheckAsync(string profileId, string titleId);
}

/// <summary>The viewing profile may not watch the title (parental level or territory).</summary>
public sealed class NotEntitledException(string profileId, string titleId, string territory)
    : Exception($"Profile {profileId} is not entitled to {titleId} in {territory}");

/// <summary>
/// The web player page of the Blazor WebAssembly client: <c>/watch/{TitleId}?profile=…&amp;t=…</c>,
/// where <c>profile</c> is the viewing profile's id and <c>t</c> the start position in seconds.
/// </summary>
[Route("/watch/{TitleId}")]
public sealed class WatchPage : ComponentBase, IDisposable
{
    private static readonly ActivitySource Source = new("Streamline.Web");

    private AppScreenViewSpan _view;

    [Parameter]
    public string TitleId { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "profile")]
    public string? ProfileId { get; set; }

    [SupplyParameterFromQuery(Name = "t")]
    public int? StartAt { get; set; }

    [Inject]
    public NavigationManager Navigation { get; set; } = null!;

    [Inject]
    public IEntitlementsClient Entitlements { get; set; } = null!;

    [Inject]
    public ILogger<WatchPage> Logger { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _view.Dispose();
        _view = Source.StartAppScreenView("watch/{titleId}");
        Logger.LogInformation("Player page for title {TitleId} from {Start}s", TitleId, StartAt ?? 0); // clean precision-names
        Logger.LogInformation("Playback requested by profile {ProfileId}", ProfileId); // leak TC1001 direct
        Activity.Current?.SetTag("player.page.url", Navigation.Uri); // leak TC1001 cross-member

        var entitlement = await Entitlements.CheckAsync(ProfileId ?? string.Empty, TitleId);
        if (!entitlement.Allowed)
        {
            throw new NotEntitledException(ProfileId ?? "(none)", TitleId, entitlement.Territory);
        }

        _view.SetAppNote($"entitled on {entitlement.Plan} in {entitlement.Territory}"); // clean generated-api
    }

    /// <summary>Called from JS every 30 seconds; keeps a shareable "continue watching" link.</summary>
    public void OnPositionChanged(int seconds)
    {
        var resumeUrl = Navigation.GetUriWithQueryParameter("t", seconds);
        SentrySdk.AddBreadcrumb(resumeUrl, "player"); // leak TC1001 strings
    }

    public void Dispose() => _view.Dispose();
}

/// <summary>The error boundary around the player; the watch page throws <see cref="NotEntitledException"/> into it.</summary>
public sealed class PlayerErrorBoundary : ErrorBoundary
{
    [Inject]
    public ILogger<PlayerErrorBoundary> Logger { get; set; } = null!;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogWarning(exception, "Player failed, showing the error card"); // leak TC1001 exceptions
        Activity.Current?.SetTag("player.error", exception.GetType().Name); // clean exceptions
        return Task.CompletedTask;
    }
}
