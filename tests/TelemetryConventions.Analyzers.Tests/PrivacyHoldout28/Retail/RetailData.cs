#nullable disable
using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using PrivacyHoldout28.Support.Common;
using PrivacyHoldout28.Support.Data;

namespace PrivacyHoldout28.Retail;

/// <summary>Shared by every data access class of the shop: one warning per slow command, with its parameters.</summary>
internal static class SlowQueryLog
{
    public const long ThresholdMilliseconds = 250;
    private static readonly AppLogger _log = AppLogger.For(typeof(SlowQueryLog));

    public static void Write(SqlCommand command, long elapsedMilliseconds)
    {
        if (elapsedMilliseconds < ThresholdMilliseconds)
        {
            return;
        }

        StringBuilder text = new StringBuilder();
        text.Append("Slow command (").Append(elapsedMilliseconds).Append(" ms): ").Append(command.CommandText);
        foreach (SqlParameter parameter in command.Parameters)
        {
            text.Append(" ").Append(parameter.ParameterName).Append("='").Append(parameter.Value).Append("'");
        }

        _log.Warn(text.ToString());
    }
}

public class OrderLine
{
    public string Sku { get; set; }

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }
}

public class OrderDal
{
    private readonly string _connectionString = ConfigurationManager.ConnectionString("Shop");

    public int ReserveStock(long orderId, IList<OrderLine> lines)
    {
        int reserved = 0;
        using (SqlConnection connection = new SqlConnection(_connectionString))
        {
            connection.Open();
            foreach (OrderLine line in lines)
            {
                using (SqlCommand command = new SqlCommand("UPDATE dbo.STOCK SET RESERVED = RESERVED + @Qty WHERE SKU = @Sku AND ON_HAND - RESERVED >= @Qty", connection))
                {
                    command.Parameters.AddWithValue("@Qty", line.Quantity);
                    command.Parameters.AddWithValue("@Sku", line.Sku);
                    command.Parameters.AddWithValue("@OrderId", orderId);
                    Stopwatch watch = Stopwatch.StartNew();
                    int rows = command.ExecuteNonQuery();
                    SlowQueryLog.Write(command, watch.ElapsedMilliseconds); // clean logging-objects
                    if (rows == 0)
                    {
                        throw new StockUnavailableException(line.Sku, line.Quantity);
                    }

                    reserved += line.Quantity;
                }
            }
        }

        return reserved;
    }

    public string FindLoyaltyNumberByEmail(string email)
    {
        using (SqlConnection connection = new SqlConnection(_connectionString))
        using (SqlCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT LOYALTY_NO, TIER FROM dbo.CUSTOMER WHERE EMAIL = @Email";
            command.Parameters.Add("@Email", SqlDbType.NVarChar).Value = email;
            connection.Open();
            Stopwatch watch = Stopwatch.StartNew();
            using (DbDataReader reader = command.ExecuteReader())
            {
                SlowQueryLog.Write(command, watch.ElapsedMilliseconds); // leak TC1001 cross-member
                if (!reader.Read())
                {
                    return null;
                }

                Activity.Current?.SetTag("shop.customer.tier", reader.GetString(1)); // clean precision-names
                return reader.GetString(0);
            }
        }
    }
}

[Serializable]
public class ShopException : Exception
{
    public ShopException(string message)
        : base(message)
    {
    }

    public string Till { get; set; }
}

[Serializable]
public class StockUnavailableException : ShopException
{
    public StockUnavailableException(string sku, int requested)
        : base("Only part of " + requested + " x " + sku + " could be reserved")
    {
        Sku = sku;
    }

    public string Sku { get; private set; }
}

[Serializable]
public class LoyaltyCardBlockedException : ShopException
{
    public LoyaltyCardBlockedException(string loyaltyNumber)
        : base("Loyalty card " + loyaltyNumber + " is blocked")
    {
        LoyaltyNumber = loyaltyNumber;
    }

    public string LoyaltyNumber { get; private set; }
}
