#nullable disable
using System;
using System.Collections.Generic;
using System.Data;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Support.ServiceModel;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Media;

[ServiceBehavior(InstanceContextMode = InstanceContextMode.PerCall)]
public partial class SubscriberService : ISubscriberService
{
    private static readonly AppLogger _log = AppLogger.For(typeof(SubscriberService));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Media.Subscribers");
    private static readonly Meter MediaMeter = new Meter("Contoso.Media");
    private static readonly Counter<long> EmailChanges = MediaMeter.CreateCounter<long>("subscribers.email_changes");

    private readonly Pseudonymizer _pseudonymizer;
    private readonly string _connectionString;

    public SubscriberService(Pseudonymizer pseudonymizer)
    {
        _pseudonymizer = pseudonymizer;
        _connectionString = ConfigurationManager.ConnectionString("Subscribers");
    }

    #region ISubscriberService

    public SubscriberDto GetSubscriber(Guid subscriberId)
    {
        using (LegacyOperationSpan span = Source.StartLegacyOperation("GetSubscriber"))
        {
            DataRow row = LoadRow(subscriberId);
            if (row == null)
            {
                span.SetLegacyOutcome("not-found");
                return null;
            }

            // SUBSCRIBER_REF was back-filled with pseudonyms in 2023; rows created before the back-fill still hold the raw id.
            span.SetLegacySubjectId(Pseudonym.FromComputed((string)row["SUBSCRIBER_REF"])); // leak TC1001 precision-pseudonym

            SubscriberDto dto = new SubscriberDto();
            dto.SubscriberId = subscriberId;
            dto.Email = row.Field<string>("EMAIL");
            dto.Plan = row.Field<string>("PLAN_CODE");
            dto.Country = row.Field<string>("COUNTRY");
            dto.ProfileCount = row.Field<int>("PROFILE_COUNT");
            _log.Info("GetSubscriber returned " + dto); // clean logging-objects
            return dto;
        }
    }

    public void ChangeEmail(Guid subscriberId, string newEmail)
    {
        Activity activity = Activity.Current;
        string domain = newEmail.Substring(newEmail.LastIndexOf('@') + 1);
        bool traceEmails = "true".Equals(ConfigurationManager.AppSettings["Subscribers:TraceEmails"], StringComparison.OrdinalIgnoreCase);

        DataRow row = LoadRow(subscriberId);
        string oldEmail = row == null ? null : (string)row["EMAIL"];
        // ... UPDATE dbo.SUBSCRIBER SET EMAIL = @Email WHERE SUBSCRIBER_ID = @Id

        if (activity != null)
        {
            activity.SetTag("subscriber.ref", _pseudonymizer.ComputeLegacySubjectId(subscriberId.ToString("N"))); // clean precision-pseudonym
            activity.SetTag("subscriber.email.domain", domain); // clean precision-about
            if (traceEmails)
            {
                activity.SetTag("subscriber.email.previous", oldEmail); // leak TC1001 direct
            }
        }

        EmailChanges.Add(1, new KeyValuePair<string, object>("domain", domain)); // clean precision-about
        _log.Info("Email changed for subscriber " + subscriberId); // leak TC1001 strings
    }

    public void Renew(Guid subscriberId)
    {
        using (LegacyOperationSpan span = Source.StartLegacyOperation("Renew"))
        {
            try
            {
                RenewalGateway.Charge(subscriberId, LoadRow(subscriberId));
                span.SetLegacyOutcome("renewed");
            }
            catch (SubscriptionException ex)
            {
                span.SetLegacyOutcome("declined:" + ex.DeclineCode); // clean generated-api
                _log.Error("Renewal declined", ex); // leak TC1001 exceptions
            }
            catch (ProfileLimitException ex)
            {
                _log.Error("Renewal blocked", ex); // clean exceptions
                span.SetLegacyNote(ex.Message); // clean exceptions
            }
        }
    }

    #endregion

    private DataRow LoadRow(Guid subscriberId)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT SUBSCRIBER_ID, SUBSCRIBER_REF, EMAIL, PLAN_CODE, COUNTRY, PROFILE_COUNT, PAYMENT_METHOD_ID FROM dbo.SUBSCRIBER WHERE SUBSCRIBER_ID = @Id";
            command.Parameters.AddWithValue("@Id", subscriberId);
            DataTable table = new DataTable();
            new SqlDataAdapter(command).Fill(table);
            return table.Rows.Count == 0 ? null : table.Rows[0];
        }
    }
}

internal static class RenewalGateway
{
    public static void Charge(Guid subscriberId, DataRow row)
    {
        string plan = (string)row["PLAN_CODE"];
        int profiles = (int)row["PROFILE_COUNT"];
        if (plan == "BASIC" && profiles > 2)
        {
            throw new ProfileLimitException(plan, 2);
        }

        string declineCode = CardProcessor.Charge((string)row["PAYMENT_METHOD_ID"], plan);
        if (declineCode != null)
        {
            throw new SubscriptionException("Renewal failed: card declined", (string)row["EMAIL"]) { DeclineCode = declineCode };
        }
    }
}

/// <summary>Client of the card processor; answers with a decline code, or null when the charge went through.</summary>
internal static class CardProcessor
{
    public static string Charge(string paymentMethodId, string plan)
    {
        return string.IsNullOrEmpty(paymentMethodId) ? "no_payment_method" : null;
    }
}
