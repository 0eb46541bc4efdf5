#nullable disable
using System;
using System.Collections;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;

namespace PrivacyHoldout28.Support.Data;

// Stand-ins for Microsoft.Data.SqlClient, with the shapes of the classic System.Data.SqlClient the
// code was first written against. Readers are the framework's own DbDataReader.

public sealed class SqlParameter
{
    public SqlParameter()
    {
    }

    public SqlParameter(string parameterName, object value)
    {
        ParameterName = parameterName;
        Value = value;
    }

    public SqlParameter(string parameterName, SqlDbType dbType)
    {
        ParameterName = parameterName;
        SqlDbType = dbType;
    }

    public string ParameterName { get; set; }

    public SqlDbType SqlDbType { get; set; }

    public int Size { get; set; }

    public object Value { get; set; }

    public ParameterDirection Direction { get; set; } = ParameterDirection.Input;

    public override string ToString() => ParameterName;
}

public sealed class SqlParameterCollection : IEnumerable
{
    private readonly List<SqlParameter> _items = new List<SqlParameter>();

    public int Count => _items.Count;

    public SqlParameter this[int index] => _items[index];

    public SqlParameter this[string parameterName] => _items.Find(p => p.ParameterName == parameterName);

    public SqlParameter Add(SqlParameter parameter)
    {
        _items.Add(parameter);
        return parameter;
    }

    public SqlParameter Add(string parameterName, SqlDbType dbType)
    {
        return Add(new SqlParameter(parameterName, dbType));
    }

    public SqlParameter AddWithValue(string parameterName, object value)
    {
        return Add(new SqlParameter(parameterName, value));
    }

    public void Clear() => _items.Clear();

    public IEnumerator GetEnumerator() => _items.GetEnumerator();
}

public sealed class SqlConnection : IDisposable
{
    public SqlConnection(string connectionString)
    {
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public string Database => "LEGACY";

    public ConnectionState State { get; private set; } = ConnectionState.Closed;

    public void Open() => State = ConnectionState.Open;

    public void Close() => State = ConnectionState.Closed;

    public SqlCommand CreateCommand() => new SqlCommand { Connection = this };

    public SqlTransaction BeginTransaction() => new SqlTransaction();

    public void Dispose() => Close();
}

public sealed class SqlTransaction : IDisposable
{
    public void Commit()
    {
    }

    public void Rollback()
    {
    }

    public void Dispose()
    {
    }
}

public sealed class SqlCommand : IDisposable
{
    public SqlCommand()
    {
    }

    public SqlCommand(string commandText, SqlConnection connection)
    {
        CommandText = commandText;
        Connection = connection;
    }

    public string CommandText { get; set; }

    public CommandType CommandType { get; set; } = CommandType.Text;

    public int CommandTimeout { get; set; } = 30;

    public SqlConnection Connection { get; set; }

    public SqlTransaction Transaction { get; set; }

    public SqlParameterCollection Parameters { get; } = new SqlParameterCollection();

    /// <summary>The rows the stand-in returns; a real command reads them from the server.</summary>
    public DataTable Results { get; set; }

    public DbDataReader ExecuteReader() => (Results ?? new DataTable()).CreateDataReader();

    public int ExecuteNonQuery() => 1;

    public object ExecuteScalar() => Results != null && Results.Rows.Count > 0 ? Results.Rows[0][0] : null;

    public void Dispose()
    {
    }
}

public sealed class SqlDataAdapter
{
    public SqlDataAdapter(SqlCommand selectCommand)
    {
        SelectCommand = selectCommand;
    }

    public SqlCommand SelectCommand { get; }

    public int Fill(DataTable table)
    {
        if (SelectCommand.Results != null)
        {
            table.Merge(SelectCommand.Results);
        }

        return table.Rows.Count;
    }
}

/// <summary>SQL Server's exception: for errors 2601 and 2627 its message quotes the duplicate key value.</summary>
public sealed class SqlException : DbException
{
    public SqlException(string message, int number)
        : base(message)
    {
        Number = number;
    }

    public int Number { get; }

    public string Procedure { get; init; }

    public byte Class { get; init; }
}
