#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Energy;

/// <summary>
/// The monthly billing run. Runs on its own thread, started by the scheduler with the billing
/// period as the thread's state.
/// </summary>
public partial class BillingRun
{
    private static readonly AppLogger _log = AppLogger.For(typeof(BillingRun));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Billing");
    private static readonly Meter BillingMeter = new Meter("Contoso.Billing");
    private static readonly Counter<long> BillsIssued = BillingMeter.CreateCounter<long>("billing.bills.issued");
    private static readonly Histogram<double> BillAmounts = BillingMeter.CreateHistogram<double>("billing.bill.amount", "GBP");

    // Kept from the 2014 "anonymised extract" job; the warehouse still joins on it.
    private static readonly byte[] ExtractKey = Encoding.ASCII.GetBytes("ContosoBillingExtract2014");

    private readonly ILogger _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;
    private Thread _worker;

    public BillingRun(ILogger<BillingRun> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
    {
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _secrets = secrets;
    }

    public void Start(DateTime period)
    {
        _worker = new Thread(new ParameterizedThreadStart(Run));
        _worker.Name = "BillingRun-" + period.ToString("yyyyMM", CultureInfo.InvariantCulture);
        _worker.IsBackground = true;
        _worker.Start(period);
    }

    private void Run(object state)
    {
        DateTime period = (DateTime)state;
        using (LegacyOperationSpan span = Source.StartLegacyOperation("BillingRun"))
        {
            IList<SupplyPoint> supplyPoints = LoadDueSupplyPoints(period);
            span.SetLegacyRowCount(supplyPoints.Count);
            int issued = 0;
            foreach (SupplyPoint sp in supplyPoints)
            {
                try
                {
                    IssueBill(sp, period);
                    issued++;
                }
                catch (TariffNotFoundException ex)
                {
                    _log.Error("Rating failed at stage " + ex.Stage, ex); // clean exceptions
                }
                catch (MeterReadingException ex)
                {
                    _logger.LogWarning(ex, "Skipping supply point in region {Region}", sp.Region); // leak TC1001 exceptions
                }
            }

            span.SetLegacyOutcome(issued == supplyPoints.Count ? "complete" : "partial");
            _log.Info("Billing run " + Thread.CurrentThread.Name + " issued " + issued + " bill(s)"); // clean precision-about
        }
    }

    private void IssueBill(SupplyPoint sp, DateTime period)
    {
        Activity activity = Activity.Current;
        decimal rate = RateFor(sp);
        MeterReading reading = LatestReading(sp.MeterSerial, period);
        decimal amount = Math.Round(reading.Value * rate, 2);
        string billNumber = sp.AccountNumber + "-" + period.ToString("yyyyMM", CultureInfo.InvariantCulture);

        WriteBillingAudit(sp, billNumber, amount);

        if (activity != null)
        {
            activity.SetTag("billing.tariff", sp.TariffCode);
            activity.SetTag("billing.distributor", sp.Distributor); // clean precision-about
            activity.SetTag("billing.bill_number", billNumber); // leak TC1001 strings
            activity.SetTag("billing.account.extract_key", ExtractKeyFor(sp.AccountNumber)); // leak TC1002 hashes
            activity.SetTag("billing.account.encoded", Convert.ToBase64String(Encoding.UTF8.GetBytes(sp.AccountNumber))); // leak TC1001 hashes
            activity.SetTag("billing.account.shard", ShardFor(sp.AccountNumber)); // clean hashes
            activity.SetTag("billing.meter.cohort", BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(sp.MeterSerial)), 0) % 20); // leak TC1002 hashes
            activity.SetTag("billing.reading", reading.ToString()); // clean logging-objects
        }

        BillsIssued.Add(1, new KeyValuePair<string, object>("tariff", sp.TariffCode), new KeyValuePair<string, object>("region", sp.Region)); // clean precision-about
        BillAmounts.Record((double)amount, new KeyValuePair<string, object>("account", _pseudonymizer.ComputeLegacySubjectId(sp.AccountNumber))); // leak TC1003 precision-pseudonym
    }

    private void WriteBillingAudit(SupplyPoint sp, string billNumber, decimal amount)
    {
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("Billing")))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO dbo.BILLING_AUDIT (BILL_NO, ACCOUNT_NO, AMOUNT, ISSUED_AT) VALUES (@BillNo, @AccountNo, @Amount, SYSUTCDATETIME())";
            command.Parameters.AddWithValue("@BillNo", billNumber);
            command.Parameters.AddWithValue("@AccountNo", sp.AccountNumber);
            command.Parameters.AddWithValue("@Amount", amount);
            connection.Open();
            command.ExecuteNonQuery();
        }

        _logger.LogLegacyAuditWrittenEvent("bill issued, " + amount.ToString("0.00", CultureInfo.InvariantCulture) + " GBP", _pseudonymizer.PseudonymizeLegacySubjectId(sp.AccountNumber)); // clean generated-api
        _logger.LogLegacyAuditWrittenEvent("BILLING_AUDIT " + billNumber); // leak TC1001 generated-api
    }

    private static decimal RateFor(SupplyPoint sp)
    {
        switch (sp.TariffCode)
        {
            case "STD":
                return 0.2450m;
            case "E7":
                return 0.1980m;
            case "FIX24":
                return 0.2210m;
            case "EV":
                return 0.0850m;
            default:
                throw new TariffNotFoundException(sp.TariffCode, sp.AccountNumber);
        }
    }

    private static string ExtractKeyFor(string accountNumber)
    {
        using (HMACSHA256 hmac = new HMACSHA256(ExtractKey))
        {
            return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(accountNumber))).Substring(0, 16);
        }
    }

    private int ShardFor(string accountNumber)
    {
        using (HMACSHA256 hmac = new HMACSHA256(_secrets.ShardKey))
        {
            return hmac.ComputeHash(Encoding.UTF8.GetBytes(accountNumber))[0] & 0x0F;
        }
    }

    private static IList<SupplyPoint> LoadDueSupplyPoints(DateTime period)
    {
        ArrayList due = new ArrayList();
        // ... SELECT the supply points whose bill date falls in the period
        List<SupplyPoint> result = new List<SupplyPoint>(due.Count);
        foreach (SupplyPoint sp in due)
        {
            result.Add(sp);
        }

        return result;
    }

    private static MeterReading LatestReading(string meterSerial, DateTime period)
    {
        MeterReading reading = MeterReadingImport.Latest(meterSerial);
        if (reading == null || reading.ReadAt < period.AddMonths(-3))
        {
            throw new MeterReadingException(meterSerial, "no actual read in three months");
        }

        return reading;
    }
}
