#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Retail;

public class CustomerRegisteredEventArgs : EventArgs
{
    public string Email { get; set; }

    public string LoyaltyNumber { get; set; }

    public string Tier { get; set; }

    public string Postcode { get; set; }

    public bool MarketingOptIn { get; set; }
}

public partial class CustomerRegistry
{
    private static readonly AppLogger _log = AppLogger.For(typeof(CustomerRegistry));

    // loyalty number -> registration time, for the duplicate-signup check
    private static readonly Hashtable _recent = Hashtable.Synchronized(new Hashtable());

    private readonly Pseudonymizer _pseudonymizer;

    public CustomerRegistry(Pseudonymizer pseudonymizer)
    {
        _pseudonymizer = pseudonymizer;
    }

    public event EventHandler<CustomerRegisteredEventArgs> CustomerRegistered;

    public void Register(string email, string postcode, bool marketingOptIn)
    {
        string loyaltyNumber = "LC" + DateTime.UtcNow.ToString("yyMMddHHmmss");
        _recent[loyaltyNumber] = DateTime.UtcNow;

        WriteAudit(loyaltyNumber, email);
        _log.InfoFormat("Customer {0} registered ({1} in the last hour)", loyaltyNumber, _recent.Count); // leak TC1001 strings
        _log.InfoFormat("Registration from {0}, marketing opt-in {1}", OutwardCode(postcode), marketingOptIn); // clean precision-about

        OnCustomerRegistered(new CustomerRegisteredEventArgs { Email = email, LoyaltyNumber = loyaltyNumber, Tier = "STANDARD", Postcode = postcode, MarketingOptIn = marketingOptIn });
    }

    protected virtual void OnCustomerRegistered(CustomerRegisteredEventArgs e)
    {
        EventHandler<CustomerRegisteredEventArgs> handler = CustomerRegistered;
        if (handler != null)
        {
            handler(this, e);
        }
    }

    public static string OutwardCode(string postcode)
    {
        if (string.IsNullOrEmpty(postcode))
        {
            return string.Empty;
        }

        int space = postcode.IndexOf(' ');
        return space > 0 ? postcode.Substring(0, space) : postcode.Substring(0, Math.Max(0, postcode.Length - 3));
    }
}

public partial class CustomerRegistry
{
    #region Audit

    private void WriteAudit(string loyaltyNumber, string email)
    {
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("Shop")))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO dbo.CUSTOMER_AUDIT (LOYALTY_NO, EMAIL, EVENT) VALUES (@Loyalty, @Email, 'REGISTERED')";
            command.Parameters.AddWithValue("@Loyalty", loyaltyNumber);
            command.Parameters.AddWithValue("@Email", email);
            connection.Open();
            int rows = command.ExecuteNonQuery();
            Activity.Current?.AddLegacyAuditWrittenEvent("CUSTOMER_AUDIT REGISTERED, " + rows + " row(s)", _pseudonymizer.PseudonymizeLegacySubjectId(loyaltyNumber)); // clean generated-api
            Activity.Current?.AddLegacyAuditWrittenEvent("CUSTOMER_AUDIT REGISTERED " + email); // leak TC1001 generated-api
        }
    }

    #endregion
}

public class WelcomeMailer
{
    private static readonly AppLogger _log = AppLogger.For(typeof(WelcomeMailer));

    public void Attach(CustomerRegistry registry)
    {
        registry.CustomerRegistered += new EventHandler<CustomerRegisteredEventArgs>(OnRegistered);
    }

    private void OnRegistered(object sender, CustomerRegisteredEventArgs e)
    {
        // ... INSERT INTO dbo.MAIL_OUTBOX
        _log.Info("Welcome mail queued for " + e.Email); // leak TC1001 cross-member
        _log.Info("Welcome mail queued, tier " + e.Tier + ", opt-in " + e.MarketingOptIn); // clean precision-about
    }
}

public class MarketingStatsListener
{
    private static readonly Meter MarketingMeter = new Meter("Contoso.Shop.Marketing");
    private static readonly Counter<long> Signups = MarketingMeter.CreateCounter<long>("shop.signups");
    private static readonly Counter<long> SignupsByPostcode = MarketingMeter.CreateCounter<long>("shop.signups.by_postcode");

    public void Attach(CustomerRegistry registry)
    {
        registry.CustomerRegistered += OnRegistered;
    }

    private void OnRegistered(object sender, CustomerRegisteredEventArgs e)
    {
        Signups.Add(1, new KeyValuePair<string, object>("district", CustomerRegistry.OutwardCode(e.Postcode)), new KeyValuePair<string, object>("opt_in", e.MarketingOptIn)); // clean precision-about
        SignupsByPostcode.Add(1, new KeyValuePair<string, object>("postcode", e.Postcode)); // leak TC1003 direct
    }
}
