#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using PrivacyCorpus.Shared;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;
using PrivacyHoldout28.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout28.Transport;

/// <summary>
/// Drains the validators' tap frames on a dedicated thread, checks the hotlist and applies the
/// daily cap. Written for the 2009 smartcard scheme, on .NET 10 since last year.
/// </summary>
public class CardTapProcessor
{
    private static readonly AppLogger _log = AppLogger.For(typeof(CardTapProcessor));
    private static readonly ActivitySource Source = new ActivitySource("Contoso.Transit.Taps");
    private static readonly Meter TransitMeter = new Meter("Contoso.Transit");
    private static readonly Counter<long> Taps = TransitMeter.CreateCounter<long>("transit.taps");

    // SHA-256 of hotlisted card numbers, hex; loaded from dbo.HOTLIST
    private static readonly Hashtable _hotlist = Hashtable.Synchronized(new Hashtable());

    // card number -> fares charged today
    private static readonly Dictionary<string, decimal> _chargedToday = new Dictionary<string, decimal>();
    private static readonly object _capLock = new object();

    private readonly Queue<TapRecord> _frames = new Queue<TapRecord>();
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;
    private readonly Timer _midnight;
    private Thread _worker;

    public CardTapProcessor(Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
    {
        _pseudonymizer = pseudonymizer;
        _secrets = secrets;
        _midnight = new Timer(ResetCaps, "midnight", TimeUntilMidnight(), TimeSpan.FromDays(1));
    }

    public void Start()
    {
        _worker = new Thread(Run);
        _worker.IsBackground = true;
        _worker.Name = "TapProcessor";
        _worker.Start();
    }

    public void Post(TapRecord tap)
    {
        lock (_frames)
        {
            _frames.Enqueue(tap);
            Monitor.Pulse(_frames);
        }
    }

    private void Run()
    {
        while (true)
        {
            TapRecord tap;
            lock (_frames)
            {
                while (_frames.Count == 0)
                {
                    Monitor.Wait(_frames);
                }

                tap = _frames.Dequeue();
            }

            Process(tap);
        }
    }

    private void Process(TapRecord tap)
    {
        using (Activity activity = Source.StartActivity("ProcessTap"))
        {
            string digest = Sha256Hex(tap.CardNumber);
            bool hotlisted = _hotlist.ContainsKey(digest);
            activity?.SetTag("tap.stop", tap.StopCode);
            activity?.SetTag("tap.concession", tap.Concession); // clean precision-about
            activity?.SetTag("tap.card.last_four", tap.LastFour); // clean precision-about
            activity?.SetTag("tap.card.hotlist_key", digest); // leak TC1002 hashes
            activity?.SetTag("tap.card.shard", Shard(tap.CardNumber)); // clean hashes

            if (hotlisted)
            {
                _log.Warn("Hotlisted card presented: " + tap); // leak TC1001 logging-objects
                activity?.SetTag("tap.outcome", "hotlisted");
                return;
            }

            decimal fare = FareFor(tap);
            decimal charged;
            lock (_capLock)
            {
                _chargedToday.TryGetValue(tap.CardNumber, out charged);
                fare = Math.Min(fare, Math.Max(0m, 8.10m - charged));
                _chargedToday[tap.CardNumber] = charged + fare;
            }

            Taps.Add(1, new KeyValuePair<string, object>("concession", tap.Concession), new KeyValuePair<string, object>("capped", fare == 0m)); // clean precision-about
            Taps.Add(1, new KeyValuePair<string, object>("card", _pseudonymizer.ComputeLegacySubjectId(tap.CardNumber))); // leak TC1003 precision-pseudonym
            activity?.SetTag("tap.rider", _pseudonymizer.ComputeLegacySubjectId(tap.CardNumber)); // clean precision-pseudonym
        }
    }

    private static decimal FareFor(TapRecord tap)
    {
        switch (tap.Concession)
        {
            case "CHILD":
                return 0.85m;
            case "SENIOR":
            case "DISABLED":
                return 0m;
            case "STUDENT":
                return 1.20m;
            case "ADULT":
                return 1.75m;
            default:
                _log.Warn("Unknown concession '" + tap.Concession + "' on card ending " + tap.LastFour); // clean precision-about
                return 1.75m;
        }
    }

    private static void ResetCaps(object state)
    {
        string trigger = (string)state;
        string[] capped;
        lock (_capLock)
        {
            List<string> list = new List<string>();
            foreach (KeyValuePair<string, decimal> pair in _chargedToday)
            {
                if (pair.Value >= 8.10m)
                {
                    list.Add(pair.Key);
                }
            }

            capped = list.ToArray();
            _chargedToday.Clear();
        }

        Log.Info("Daily caps reset (" + trigger + "): " + capped.Length + " card(s) reached the cap"); // clean precision-about
        Log.Debug("Capped cards: " + String.Join(", ", capped)); // leak TC1001 logging-objects
    }

    public static void LoadHotlist()
    {
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("Revenue")))
        using (SqlCommand command = new SqlCommand("SELECT CARD_SHA256, REASON, LISTED_AT FROM dbo.HOTLIST", connection))
        {
            connection.Open();
            int count = 0;
            using (DbDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    _hotlist[reader.GetString(0)] = reader.GetString(1);
                    count++;
                }
            }

            Trace.TraceInformation("Hotlist loaded: {0} card(s)", count); // clean precision-about
        }
    }

    private int Shard(string cardNumber)
    {
        using (HMACSHA256 hmac = new HMACSHA256(_secrets.ShardKey))
        {
            return hmac.ComputeHash(Encoding.ASCII.GetBytes(cardNumber))[31] % 32;
        }
    }

    private static string Sha256Hex(string value)
    {
        return Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(value)));
    }

    private static TimeSpan TimeUntilMidnight()
    {
        return DateTime.Today.AddDays(1) - DateTime.Now;
    }
}
