using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 at a call of a telemetry facade injected through its interface: the call forwards what the
/// source's implementations of that method send, parameter by parameter and member by member.
/// </summary>
public class TC1001TelemetryFacadeTests
{
    [Fact]
    public async Task A_facade_called_through_its_interface_is_judged_by_what_its_implementation_sends()
    {
        await VerifyCS.AnalyzerAsync("""
            using System;
            using System.Diagnostics;
            using Microsoft.Extensions.Logging;

            public sealed record ViewerSession(Guid SubscriberId, string SubscriberEmail, string ProfileName, string Plan);

            public interface IPlaybackTelemetry
            {
                void Denied(ViewerSession session, string titleId);
                void Started(ViewerSession session, string titleId);
                void Searched(string query, int results);
            }

            public sealed class PlaybackTelemetry(ILogger<PlaybackTelemetry> logger) : IPlaybackTelemetry
            {
                public void Denied(ViewerSession session, string titleId) =>
                    logger.LogWarning("Denied {TitleId} for profile {Profile}", titleId, {|TC1001:session.ProfileName|});

                public void Started(ViewerSession session, string titleId) =>
                    Activity.Current?.SetTag("stream.plan", session.Plan);

                // Its own line is told too: a call through the interface hands it an email.
                public void Searched(string query, int results) =>
                    logger.LogInformation("Search {Query} found {Results}", {|TC1001:query|}, results);
            }

            public sealed class PlaybackController(IPlaybackTelemetry telemetry)
            {
                public void Play(ViewerSession session, string titleId, string customerEmail)
                {
                    telemetry.Denied({|TC1001:session|}, titleId);
                    telemetry.Started(session, titleId);
                    telemetry.Searched({|TC1001:customerEmail|}, 3);
                    telemetry.Searched("thrillers", 3);
                }
            }
            """);
    }
}
