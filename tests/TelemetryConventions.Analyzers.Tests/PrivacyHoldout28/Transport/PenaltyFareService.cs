#nullable disable
using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Threading;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Support.ServiceModel;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Transport;

[ServiceBehavior(InstanceContextMode = InstanceContextMode.PerCall)]
public class PenaltyFareService : IPenaltyFareService
{
    private static readonly AppLogger _log = AppLogger.For(typeof(PenaltyFareService));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Transit.Revenue");
    private static readonly Meter RevenueMeter = new Meter("Contoso.Transit.Revenue");
    private static int _noticeSequence;

    private readonly Pseudonymizer _pseudonymizer;

    public PenaltyFareService(Pseudonymizer pseudonymizer)
    {
        _pseudonymizer = pseudonymizer;
    }

    public PenaltyNotice IssuePenalty(PenaltyRequest request)
    {
        using (SvcCallSpan span = Source.StartSvcCall("IPenaltyFareService", "IssuePenalty"))
        {
            span.SetSvcCallerId(_pseudonymizer.PseudonymizeSvcCallerId(request.InspectorStaffNumber)); // clean precision-pseudonym
            Activity.Current?.SetTag("revenue.inspector", request.InspectorStaffNumber); // leak TC1001 direct
            Activity.Current?.SetTag("revenue.route", request.RouteCode);
            Activity.Current?.SetTag("revenue.fleet_number", request.FleetNumber); // clean precision-about

            try
            {
                decimal amount = PenaltyAmount(request.StopCode);
                CheckDisputes(request.CardNumber);

                PenaltyNotice notice = new PenaltyNotice();
                notice.NoticeNumber = "PF" + DateTime.UtcNow.ToString("yyMMdd", CultureInfo.InvariantCulture) + Interlocked.Increment(ref _noticeSequence).ToString("D5", CultureInfo.InvariantCulture);
                notice.Amount = amount;
                notice.DueBy = DateTime.UtcNow.Date.AddDays(21);

                _log.Info("Issued " + notice); // clean logging-objects
                _log.Info("Issued " + notice.NoticeNumber + " to " + request.PassengerName); // leak TC1001 strings
                RevenueMeter.CreateLegacyOperationsCounter().Add(1, legacyOperation: "IssuePenalty", legacyOutcome: "issued"); // clean generated-api
                return notice;
            }
            catch (TariffTableException ex)
            {
                span.SetSvcFaultReason(ex.Message); // clean exceptions
                RevenueMeter.CreateSvcFaultsCounter().Add(1, svcContract: "IPenaltyFareService", svcFaultReason: ex.Area); // clean exceptions
                throw new FaultException("Stop not in the tariff table");
            }
            catch (FareDisputeException ex)
            {
                span.SetSvcFaultReason(ex.Message); // leak TC1001 exceptions
                Log.Error(ex, "Penalty not issued at " + request.StopCode); // leak TC1001 exceptions
                throw new FaultException("Card has an open dispute");
            }
        }
    }

    private static decimal PenaltyAmount(string stopCode)
    {
        if (stopCode == null || stopCode.Length != 8)
        {
            throw new TariffTableException(stopCode);
        }

        return stopCode.StartsWith("490", StringComparison.Ordinal) ? 50m : 20m;
    }

    private static void CheckDisputes(string cardNumber)
    {
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("Revenue")))
        using (SqlCommand command = new SqlCommand("SELECT DETAIL FROM dbo.FARE_DISPUTE WHERE CARD_NO = @Card AND STATUS = 'OPEN'", connection))
        {
            command.Parameters.AddWithValue("@Card", cardNumber);
            connection.Open();
            object detail = command.ExecuteScalar();
            if (detail != null)
            {
                throw new FareDisputeException(cardNumber, (string)detail);
            }
        }
    }
}
