using AgentGateway.Configuration;

namespace AgentGateway.Routing;

/// <summary>Keeps the route table in step with the live config (rebuilt once per config version).</summary>
internal sealed class RouteTableProvider(IGatewayConfigProvider configProvider)
{
    private RouteTable? _table;

    public RouteTable Current
    {
        get
        {
            var config = configProvider.Current;
            var table = _table;
            if (table is null || !ReferenceEquals(table.Config, config))
            {
                table = new RouteTable(config);
                _table = table;
            }

            return table;
        }
    }
}
