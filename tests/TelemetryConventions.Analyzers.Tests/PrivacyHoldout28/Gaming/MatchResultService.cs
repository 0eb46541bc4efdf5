#nullable disable
using System;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Support.ServiceModel;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Gaming;

[ServiceBehavior(InstanceContextMode = InstanceContextMode.Single, ConcurrencyMode = ConcurrencyMode.Multiple)]
public class MatchResultService : IMatchResultService
{
    private static readonly AppLogger _log = AppLogger.For(typeof(MatchResultService));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Results");
    private static readonly Meter ResultsMeter = new Meter("Contoso.Results");

    private readonly Pseudonymizer _pseudonymizer;

    public MatchResultService(Pseudonymizer pseudonymizer)
    {
        _pseudonymizer = pseudonymizer;
    }

    public void ReportMatch(MatchReport report)
    {
        using (SvcCallSpan span = Source.StartSvcCall("IMatchResultService", "ReportMatch"))
        {
            span.SetSvcCallerId(_pseudonymizer.PseudonymizeSvcCallerId(OperationContext.Current.ServiceSecurityContext.PrimaryIdentity.Name)); // clean precision-pseudonym
            _log.Info(String.Format("Match {0} ({1}) reported: {2} winner(s), {3} loser(s), {4}s", report.MatchId, report.Mode, report.WinnerAccountIds.Count, report.LoserAccountIds.Count, report.DurationSeconds)); // clean precision-about
            _log.Debug("Winners of match " + report.MatchId + ": " + String.Join(",", report.WinnerAccountIds)); // leak TC1001 logging-objects

            try
            {
                foreach (long accountId in report.WinnerAccountIds)
                {
                    AntiCheat.Check(accountId, report);
                }

                LeaderboardDal.RecordResult(report);
            }
            catch (CheatDetectedException ex)
            {
                span.SetSvcFaultReason(ex.Message); // leak TC1001 exceptions
                span.RecordException(ex); // clean exceptions
                Log.Warn("Match " + report.MatchId + " quarantined by rule " + ex.Rule); // clean precision-about
                throw new FaultException("Match quarantined");
            }
            catch (MatchNotFoundException ex)
            {
                _log.Error("Result rejected", ex); // clean exceptions
                ResultsMeter.CreateSvcFaultsCounter().Add(1, svcContract: "IMatchResultService", svcFaultReason: ex.GetType().Name); // clean exceptions
                throw new FaultException("Match not open");
            }
        }
    }
}

internal static class AntiCheat
{
    private const int MinimumRankedSeconds = 30;

    public static void Check(long accountId, MatchReport report)
    {
        int sample = HashCode.Combine(accountId) & 7;
        Activity.Current?.SetTag("anticheat.sample_bucket", sample); // leak TC1002 hashes
        if (report.Mode == "ranked" && report.DurationSeconds < MinimumRankedSeconds)
        {
            throw new CheatDetectedException(accountId, "short-ranked-match");
        }
    }
}

public static class LeaderboardDal
{
    private static string ConnectionString
    {
        get { return ConfigurationManager.ConnectionString("Leaderboard"); }
    }

    public static void RecordResult(MatchReport report)
    {
        using (SqlConnection connection = new SqlConnection(ConnectionString))
        using (SqlCommand command = new SqlCommand("dbo.usp_RecordMatch", connection))
        {
            command.CommandType = System.Data.CommandType.StoredProcedure;
            command.Parameters.AddWithValue("@MatchId", report.MatchId);
            command.Parameters.AddWithValue("@Winners", String.Join(",", report.WinnerAccountIds));
            command.Parameters.AddWithValue("@Losers", String.Join(",", report.LoserAccountIds));
            connection.Open();
            int rows = command.ExecuteNonQuery();
            if (rows == 0)
            {
                throw new MatchNotFoundException(report.MatchId);
            }
        }
    }

    public static void LogTopTen(string mode)
    {
        using (SqlConnection connection = new SqlConnection(ConnectionString))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT TOP 10 p.GAMERTAG, l.RATING, l.WINS FROM dbo.LEADERBOARD l JOIN dbo.PLAYER p ON p.ACCOUNT_ID = l.ACCOUNT_ID WHERE l.MODE = @Mode ORDER BY l.RATING DESC";
            command.Parameters.AddWithValue("@Mode", mode);
            connection.Open();
            using (DbDataReader reader = command.ExecuteReader())
            {
                StringBuilder podium = new StringBuilder();
                int rank = 0;
                int best = 0;
                while (reader.Read())
                {
                    rank++;
                    if (rank == 1)
                    {
                        best = reader.GetInt32(1);
                    }

                    podium.Append(rank).Append(". ").Append(reader.GetString(0)).Append(" (").Append(reader.GetInt32(1)).Append(") ");
                }

                Log.Info("Top ten for " + mode + ": " + podium); // leak TC1001 logging-objects
                Log.Info("Leaderboard " + mode + ": " + rank + " entries, best rating " + best); // clean precision-about
                Activity.Current?.SetTag("leaderboard.player_count", rank); // clean precision-names
            }
        }
    }
}
