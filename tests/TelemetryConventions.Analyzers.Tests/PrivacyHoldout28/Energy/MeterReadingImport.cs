#nullable disable
using System;
using System.Collections;
using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using PrivacyHoldout28.Support.Common;

namespace PrivacyHoldout28.Energy;

/// <summary>
/// Imports the meter reading flow files the data collector drops, one line per reading:
/// <c>MSN,MPAN,REGISTER,READ_AT,VALUE,READ_TYPE</c>.
/// </summary>
public class MeterReadingImport
{
    private static readonly AppLogger _log = AppLogger.For(typeof(MeterReadingImport));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Billing.Readings");

    // meter serial -> latest MeterReading; swept by the timer
    private static readonly Hashtable _latest = Hashtable.Synchronized(new Hashtable());
    private static readonly Timer _sweeper = new Timer(Sweep, 90, TimeSpan.FromHours(1), TimeSpan.FromHours(6));

    public static MeterReading Latest(string meterSerial)
    {
        return (MeterReading)_latest[meterSerial];
    }

    public int Import(string flowFileName, string[] lines)
    {
        DataTable table = new DataTable("Readings");
        table.Columns.Add("MSN", typeof(string));
        table.Columns.Add("MPAN", typeof(string));
        table.Columns.Add("REGISTER", typeof(string));
        table.Columns.Add("READ_AT", typeof(DateTime));
        table.Columns.Add("VALUE", typeof(decimal));
        table.Columns.Add("READ_TYPE", typeof(string));

        ArrayList rejects = new ArrayList();
        using (Activity activity = Source.StartActivity("ImportReadings"))
        {
            activity?.SetTag("readings.flow_file", flowFileName);
            for (int i = 0; i < lines.Length; i++)
            {
                string[] fields = lines[i].Split(',');
                decimal value;
                if (fields.Length != 6 || !decimal.TryParse(fields[4], NumberStyles.Number, CultureInfo.InvariantCulture, out value))
                {
                    rejects.Add(lines[i]);
                    continue;
                }

                table.Rows.Add(fields[0], fields[1], fields[2], DateTime.Parse(fields[3], CultureInfo.InvariantCulture), value, fields[5]);
            }

            foreach (DataRow row in table.Rows)
            {
                string serial = (string)row["MSN"];
                MeterReading reading = new MeterReading { MeterSerial = serial, RegisterId = (string)row["REGISTER"], ReadAt = (DateTime)row["READ_AT"], Value = (decimal)row["VALUE"], ReadType = (string)row["READ_TYPE"] };
                MeterReading previous = (MeterReading)_latest[serial];
                if (previous != null && reading.Value < previous.Value)
                {
                    _log.Warn("Reading " + reading + " is below the previous one (" + previous + ")"); // clean logging-objects
                    _log.Warn(String.Format("Negative advance on meter {0}, register {1}", row["MSN"], row["REGISTER"])); // leak TC1001 strings
                    continue;
                }

                _latest[serial] = reading;
                activity?.AddEvent(new ActivityEvent("reading.accepted", tags: new ActivityTagsCollection { { "model", serial.Substring(0, 3) }, { "read_type", reading.ReadType } })); // clean precision-about
            }

            activity?.SetTag("readings.accepted", table.Rows.Count);
            activity?.SetTag("readings.rejected", rejects.Count); // clean precision-about
            if (rejects.Count > 0)
            {
                _log.Warn("Rejected lines in " + flowFileName + ": " + string.Join(" / ", rejects.ToArray())); // leak TC1001 logging-objects
            }
        }

        return table.Rows.Count;
    }

    private static void Sweep(object state)
    {
        int maxAgeDays = (int)state;
        ArrayList stale = new ArrayList();
        foreach (DictionaryEntry entry in _latest)
        {
            if (((MeterReading)entry.Value).ReadAt < DateTime.UtcNow.AddDays(-maxAgeDays))
            {
                stale.Add(entry.Key);
            }
        }

        foreach (object key in stale)
        {
            _latest.Remove(key);
        }

        Log.Info("Reading cache sweep removed " + stale.Count + " meter(s) older than " + maxAgeDays + " days"); // clean precision-about
        Log.Debug("Swept meters: " + string.Join(",", stale.ToArray())); // leak TC1001 cross-member
    }
}
