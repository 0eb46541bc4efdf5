#nullable disable
using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;

namespace PrivacyHoldout28.Energy;

/// <summary>Process-wide cache of supply points by MPAN, loaded lazily from the billing database.</summary>
public static class SupplyPointCache
{
    private static readonly object _sync = new object();
    private static readonly Dictionary<string, SupplyPoint> _byMpan = new Dictionary<string, SupplyPoint>(StringComparer.Ordinal);
    private static readonly AppLogger _log = AppLogger.For(typeof(SupplyPointCache));
    private static int _hits;
    private static int _misses;

    public static bool TryGet(string mpan, out SupplyPoint supplyPoint)
    {
        lock (_sync)
        {
            if (_byMpan.TryGetValue(mpan, out supplyPoint))
            {
                _hits++;
                return true;
            }
        }

        _misses++;
        _log.Debug("Supply point cache miss for MPAN " + mpan); // leak TC1001 strings
        supplyPoint = Load(mpan);
        if (supplyPoint == null)
        {
            return false;
        }

        lock (_sync)
        {
            _byMpan[mpan] = supplyPoint;
        }

        _log.Debug("Cached " + supplyPoint + " (" + _byMpan.Count + " entries)"); // leak TC1001 logging-objects
        return true;
    }

    public static void LogStatistics()
    {
        Log.Info(String.Format("SupplyPointCache: {0} entries, {1} hits, {2} misses", _byMpan.Count, _hits, _misses)); // clean precision-about
    }

    private static SupplyPoint Load(string mpan)
    {
        using (SqlConnection connection = new SqlConnection(ConfigurationManager.ConnectionString("Billing")))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT sp.MPAN, m.SERIAL, a.ACCOUNT_NO, sp.TARIFF_CODE, sp.REGION FROM SUPPLY_POINT sp JOIN METER m ON m.SUPPLY_POINT_ID = sp.ID JOIN ACCOUNT a ON a.ID = sp.ACCOUNT_ID WHERE sp.MPAN = @Mpan";
            command.Parameters.AddWithValue("@Mpan", mpan);
            connection.Open();
            using (DbDataReader reader = command.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                SupplyPoint sp = new SupplyPoint();
                sp.Mpan = reader.GetString(0);
                sp.MeterSerial = reader.GetString(1);
                sp.AccountNumber = reader.GetString(2);
                sp.TariffCode = reader.GetString(3);
                sp.Region = reader.GetString(4);
                Activity.Current?.SetTag("billing.supply.region", reader.GetString(4)); // clean precision-about
                Activity.Current?.SetTag("billing.meter", reader.GetString(1)); // leak TC1001 direct
                return sp;
            }
        }
    }
}
