// Azure Managed Redis: the shared session store that lets the gateway run more than one replica
// (MCP sessions, resumable streams, rate-limit counters). The app reads its access key itself.
param name string
param location string
param tags object
param skuName string

resource cluster 'Microsoft.Cache/redisEnterprise@2025-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.Cache/redisEnterprise/databases@2025-07-01' = {
  parent: cluster
  name: 'default'
  properties: {
    // The gateway signs in with an access key (connection string ConnectionStrings__redis).
    accessKeysAuthentication: 'Enabled'
    clientProtocol: 'Encrypted'
    port: 10000
    // One endpoint for clients and multi-key scripts (rate limiting) without cluster hash tags.
    clusteringPolicy: 'EnterpriseCluster'
    // Sessions and counters carry TTLs; evict the ones closest to expiry under memory pressure.
    evictionPolicy: 'VolatileLRU'
  }
}

output name string = cluster.name
output databaseName string = database.name
output hostName string = cluster.properties.hostName
